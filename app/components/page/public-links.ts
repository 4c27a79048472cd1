export const publicFooterLinks = [
  { href: "/accessibility", label: "Accessibility statement" },
  { href: "/privacy", label: "Privacy notice" },
  { href: "/cookies", label: "Cookies" },
  { href: "/contact", label: "Contact us" },
];
