import { z } from "zod";

import { normaliseLine, normaliseText } from "~/modules/forms/text";

export const themeFormSchema = z.object({
  name: z.preprocess(normaliseLine, z.string().min(1, "Enter a name for the theme").max(80, "Name must be 80 characters or less")),
  description: z.preprocess(normaliseText, z.string().min(1, "Enter a description").max(300, "Description must be 300 characters or less")),
  keywords: z.preprocess(
    (value) =>
      normaliseText(value)
        .split(/[,\n]/)
        .map((keyword) => keyword.trim().toLowerCase())
        .filter(Boolean),
    z.array(z.string().max(40, "Each keyword must be 40 characters or less")).max(40, "Use 40 keywords or fewer"),
  ),
});
export const themeFieldOrder = ["name", "description", "keywords"] as const;
