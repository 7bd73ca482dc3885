import { z } from "zod";

// Shared by the forms (zodResolver) and the actions (safeParse). Messages are i18n keys.
const email = z.string().trim().min(1, "validation.required").max(254, "validation.tooLong").email("validation.email");
const newPassword = z.string().min(8, "validation.passwordMin").max(128, "validation.passwordMax");

export const LoginSchema = z.object({
  email,
  password: z.string().min(1, "validation.required").max(128, "validation.passwordMax"),
  redirectTo: z.string().optional(),
});

export const SignupSchema = z
  .object({
    name: z.string().trim().min(2, "validation.nameMin").max(100, "validation.tooLong"),
    email,
    password: newPassword,
    passwordConfirm: z.string(),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "validation.passwordMismatch" });

export const ForgotPasswordSchema = z.object({ email });

export const ResetPasswordSchema = z
  .object({ token: z.string().min(10), password: newPassword, passwordConfirm: z.string() })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "validation.passwordMismatch" });
