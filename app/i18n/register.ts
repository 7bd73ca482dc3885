// Feature message modules register here, so the server and the browser see the same dictionary.
import { registerMessages } from "./i18n";
import { catalogMessages } from "./messages/catalog";
import { kycMessages } from "./messages/kyc";
import { kycUiMessages } from "./messages/kyc-ui";
import { onboardingMessages } from "./messages/onboarding";
import { uploadMessages } from "./messages/uploads";

registerMessages(kycMessages);
registerMessages(catalogMessages);
registerMessages(onboardingMessages);
registerMessages(kycUiMessages);
registerMessages(uploadMessages);
