import { Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";

export const SERVICE_NAME = "Improving Cancer Care Together";

function NhsLogo() {
  return (
    <svg
      className="nhsuk-header__logo"
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 200 80"
      height="40"
      width="100"
      focusable="false"
      role="img"
      aria-label="NHS"
    >
      <title>NHS</title>
      <path
        fill="currentcolor"
        d="M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z"
      />
    </svg>
  );
}

export interface NavigationItem {
  to: string;
  label: string;
  /** Highlight only on an exact match (for the section's home page). */
  end?: boolean;
}

export function Header({
  serviceName = SERVICE_NAME,
  homeHref = "/",
  navigation,
  account,
}: {
  serviceName?: string;
  homeHref?: string;
  navigation?: NavigationItem[];
  /** The account area (who is signed in, sign out), shown at the right of the header. */
  account?: ReactNode;
}) {
  return (
    <header className="nhsuk-header" role="banner">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <Link className="nhsuk-header__service-logo" to={homeHref} aria-label={`NHS ${serviceName} homepage`}>
            <NhsLogo />
            <span className="nhsuk-header__service-name">{serviceName}</span>
          </Link>
        </div>
        {account}
      </div>
      {navigation && navigation.length > 0 ? (
        <nav className="nhsuk-header__navigation" aria-label="Menu">
          <div className="nhsuk-header__navigation-container nhsuk-width-container">
            <ul className="nhsuk-header__navigation-list">
              {navigation.map((item) => (
                <li key={item.to} className="nhsuk-header__navigation-item">
                  <NavLink className="nhsuk-header__navigation-link" to={item.to} end={item.end}>
                    {({ isActive }) => (isActive ? <strong className="nhsuk-header__navigation-item-current-fallback">{item.label}</strong> : item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      ) : null}
    </header>
  );
}

export function Footer({ links }: { links: { href: string; label: string }[] }) {
  return (
    <footer className="nhsuk-footer" role="contentinfo">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          <h2 className="nhsuk-u-visually-hidden">Support links</h2>
          <ul className="nhsuk-footer__list">
            {links.map((link) => (
              <li key={link.href} className="nhsuk-footer__list-item">
                <Link className="nhsuk-footer__list-item-link" to={link.href}>
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
          <p className="nhsuk-body-s">Cheshire and Merseyside Cancer Alliance</p>
        </div>
      </div>
    </footer>
  );
}

export function SkipLink() {
  return (
    <a className="nhsuk-skip-link" href="#maincontent">
      Skip to main content
    </a>
  );
}

export function BackLink({ to, children = "Back" }: { to: string; children?: ReactNode }) {
  return (
    <Link className="nhsuk-back-link" to={to}>
      {children}
    </Link>
  );
}

/** The page container; `before` holds the back link, which sits outside <main>. */
export function Page({ before, children }: { before?: ReactNode; children: ReactNode }) {
  return (
    <div className="nhsuk-width-container">
      {before}
      <main className="nhsuk-main-wrapper" id="maincontent" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

export function TwoThirds({ children }: { children: ReactNode }) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">{children}</div>
    </div>
  );
}
