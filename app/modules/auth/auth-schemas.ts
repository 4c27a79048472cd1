import { z } from "zod";

import { PASSWORD_MAX_CHARACTERS } from "./password-limits";

const email = z.preprocess(
  (value) => (typeof value === "string" ? value.trim() : ""),
  z.string().min(1, "Enter your email address").max(254, "Email address must be 254 characters or less"),
);

export const signInSchema = z.object({
  email,
  // Generous, but bounded: nobody's password is 1,000 characters, and hashing is deliberately slow.
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(1000, "Password must be 1,000 characters or less"),
  returnTo: z.string().max(2000).optional(),
});
export const signInFieldOrder = ["email", "password"] as const;

export const codeSchema = z.object({
  code: z.preprocess(
    (value) => (typeof value === "string" ? value.trim() : ""),
    z.string().min(1, "Enter the code from your authenticator app").max(40, "Enter the 6-digit code from your authenticator app"),
  ),
  returnTo: z.string().max(2000).optional(),
});
export const codeFieldOrder = ["code"] as const;

export const newPasswordSchema = z
  .object({
    password: z.string({ error: "Enter a password" }).min(1, "Enter a password").max(PASSWORD_MAX_CHARACTERS * 4, `Password must be ${PASSWORD_MAX_CHARACTERS} characters or less`),
    confirmPassword: z.string({ error: "Confirm your password" }).min(1, "Confirm your password"),
  })
  .refine((values) => values.password === values.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match" });
export const newPasswordFieldOrder = ["password", "confirmPassword"] as const;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(1000),
    password: z.string({ error: "Enter a new password" }).min(1, "Enter a new password").max(PASSWORD_MAX_CHARACTERS * 4, `Password must be ${PASSWORD_MAX_CHARACTERS} characters or less`),
    confirmPassword: z.string({ error: "Confirm your new password" }).min(1, "Confirm your new password"),
  })
  .refine((values) => values.password === values.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match" });
export const changePasswordFieldOrder = ["currentPassword", "password", "confirmPassword"] as const;

export const forgotPasswordSchema = z.object({ email });
