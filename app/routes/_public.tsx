import { Outlet } from "@remix-run/react";

import { Footer, Header } from "~/components/nhs/layout";
import { publicFooterLinks } from "~/components/page/public-links";

export default function PublicLayout() {
  return (
    <>
      <Header />
      <Outlet />
      <Footer links={publicFooterLinks} />
    </>
  );
}
