import { TextInput } from "~/components/nhs/form";
import type { FieldErrors } from "~/modules/forms/fields";

export function ThemeFields({ values, errors }: { values: { name?: string; description?: string; keywords?: string }; errors?: FieldErrors }) {
  return (
    <>
      <TextInput id="name" label="Name" defaultValue={values.name} error={errors?.name} />
      <div className={`nhsuk-form-group${errors?.description ? " nhsuk-form-group--error" : ""}`}>
        <label className="nhsuk-label" htmlFor="description">
          Description
        </label>
        {errors?.description ? (
          <span className="nhsuk-error-message" id="description-error">
            <span className="nhsuk-u-visually-hidden">Error: </span>
            {errors.description}
          </span>
        ) : null}
        <textarea className="nhsuk-textarea" id="description" name="description" rows={3} defaultValue={values.description} aria-describedby={errors?.description ? "description-error" : undefined} />
      </div>
      <TextInput
        id="keywords"
        label="Keywords"
        hint="Separate them with commas. Priorities containing these words are suggested for this theme."
        defaultValue={values.keywords}
        error={errors?.keywords}
      />
    </>
  );
}
