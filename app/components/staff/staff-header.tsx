import { Form } from "@remix-run/react";

import { Header, type NavigationItem } from "~/components/nhs/layout";

function UserIcon() {
  return (
    <svg className="nhsuk-icon nhsuk-icon--user" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16" focusable="false" aria-hidden="true">
      <path d="M12 1a11 11 0 1 1 0 22 11 11 0 0 1 0-22Zm0 2a9 9 0 0 0-5 16.5V18a4 4 0 0 1 4-4h2a4 4 0 0 1 4 4v1.5A9 9 0 0 0 12 3Zm0 3a3.5 3.5 0 1 1-3.5 3.5A3.4 3.4 0 0 1 12 6Z" />
    </svg>
  );
}

export function StaffHeader({ user, navigation }: { user: { name: string } | null; navigation: NavigationItem[] }) {
  return (
    <Header
      serviceName="Improving Cancer Care Together: staff"
      homeHref="/staff"
      navigation={user ? navigation : undefined}
      account={
        user ? (
          <nav className="nhsuk-header__account" aria-label="Account">
            <ul className="nhsuk-header__account-list">
              <li className="nhsuk-header__account-item">
                <a className="nhsuk-header__account-link" href="/staff/account">
                  <UserIcon />
                  {user.name}
                </a>
              </li>
              <li className="nhsuk-header__account-item">
                <Form className="nhsuk-header__account-form" action="/staff/sign-out" method="post">
                  <button className="nhsuk-header__account-button" type="submit">
                    Sign out
                  </button>
                </Form>
              </li>
            </ul>
          </nav>
        ) : null
      }
    />
  );
}
