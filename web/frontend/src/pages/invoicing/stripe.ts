/**
 * Stripe.js, loaded the way Stripe requires: from https://js.stripe.com/v3, never bundled or
 * self-hosted (PCI compliance and fraud signals depend on it). Only the types this page uses.
 */
export type StripeElement = { mount: (selector: string | HTMLElement) => void; destroy: () => void };
export type StripeElements = { create: (type: "payment", options?: object) => StripeElement };
export type StripeConfirmResult = {
  error?: { type: string; message?: string };
  paymentIntent?: { id: string; status: string };
};
export type StripeInstance = {
  elements: (options: { clientSecret: string; locale?: string; appearance?: object }) => StripeElements;
  confirmPayment: (options: {
    elements: StripeElements;
    confirmParams: { return_url: string };
    redirect: "if_required";
  }) => Promise<StripeConfirmResult>;
};

declare global {
  interface Window {
    Stripe?: (publishableKey: string, options?: { locale?: string }) => StripeInstance;
  }
}

export const STRIPE_JS = "https://js.stripe.com/v3";

let loading: Promise<NonNullable<Window["Stripe"]>> | null = null;

/** Loads Stripe.js once per page; a failed load may be retried. */
export function loadStripe(): Promise<NonNullable<Window["Stripe"]>> {
  if (window.Stripe) return Promise.resolve(window.Stripe);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = STRIPE_JS;
      script.async = true;
      script.onload = () => (window.Stripe ? resolve(window.Stripe) : reject(new Error("Stripe.js did not load")));
      script.onerror = () => {
        script.remove();
        reject(new Error("Stripe.js could not be loaded from js.stripe.com"));
      };
      document.head.appendChild(script);
    }).catch((error) => {
      loading = null;
      throw error;
    }) as Promise<NonNullable<Window["Stripe"]>>;
  }
  return loading;
}
