import { Button } from "~/components/nhs/form";

export function JourneyFormFooter({ label = "Continue" }: { label?: string }) {
  return (
    <>
      <Button preventDoubleClick>{label}</Button>
      <p className="nhsuk-body-s">Your answers are saved on this device when you continue.</p>
    </>
  );
}
