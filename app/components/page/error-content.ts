import { isRouteErrorResponse } from "@remix-run/react";

export interface ErrorContent {
  status: number;
  title: string;
  paragraphs: string[];
}

/** Problem codes that actions throw alongside a status, for a more specific message. */
const problemContent: Record<string, Omit<ErrorContent, "status">> = {
  "too-large": {
    title: "Your answers are too long to send",
    paragraphs: [
      "Each answer can be up to 1,000 characters. Go back, shorten your answers and try again.",
      "Anything you saved before has not been lost.",
    ],
  },
  "bot-suspected": {
    title: "Sorry, we could not accept your response",
    paragraphs: [
      "Your response looked like it was sent automatically. If you filled it in yourself, go back and send it again.",
      "Your answers have been kept.",
    ],
  },
  "too-fast": {
    title: "Please check your answers before sending",
    paragraphs: [
      "Your response was sent very quickly after the form was opened. Go back, check your answers and send them again.",
      "Your answers have been kept.",
    ],
  },
  "rate-limited": {
    title: "You have sent a lot of responses",
    paragraphs: [
      "To protect the service, we can only accept a limited number of responses from one device or network in an hour.",
      "Your answers have been kept. Try again later.",
    ],
  },
  "invalid-link": {
    title: "This link has expired or has already been used",
    paragraphs: [
      "Links to create an account last 48 hours and links to reset a password last 30 minutes. Each works once.",
      "Ask an admin to send you a new invitation, or request a new password reset link.",
    ],
  },
  forbidden: {
    title: "You do not have permission to see this page",
    paragraphs: ["Your role does not include this. If you think it should, contact an admin."],
  },
  "campaign-closed": {
    title: "This survey is closed",
    paragraphs: ["We are not collecting new responses at the moment. Thank you for your interest."],
  },
};

const statusContent: Record<number, Omit<ErrorContent, "status">> = {
  400: {
    title: "Sorry, there is a problem with what was sent",
    paragraphs: ["Go back and try again. Anything you saved before has not been lost."],
  },
  403: {
    title: "You do not have permission to see this page",
    paragraphs: ["If you think you should have access, contact the person who manages your account."],
  },
  404: {
    title: "Page not found",
    paragraphs: [
      "If you typed the web address, check it is correct.",
      "If you pasted the web address, check you copied the entire address.",
    ],
  },
  405: {
    title: "Sorry, there is a problem with what was sent",
    paragraphs: ["Go back and try again. Anything you saved before has not been lost."],
  },
  413: problemContent["too-large"]!,
  415: {
    title: "Sorry, there is a problem with what was sent",
    paragraphs: ["The form could not be read. Go back and try again. Anything you saved before has not been lost."],
  },
  429: problemContent["rate-limited"]!,
};

const serviceProblem: Omit<ErrorContent, "status"> = {
  title: "Sorry, there is a problem with the service",
  paragraphs: ["Try again later.", "If you were filling in the form, the answers you saved are kept for 7 days."],
};

export function errorContentFor(error: unknown): ErrorContent {
  if (isRouteErrorResponse(error)) {
    const problem = typeof error.data === "object" && error.data !== null && "problem" in error.data ? String(error.data.problem) : "";
    return { status: error.status, ...(problemContent[problem] ?? statusContent[error.status] ?? serviceProblem) };
  }
  return { status: 500, ...serviceProblem };
}
