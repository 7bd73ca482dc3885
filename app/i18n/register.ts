// Feature message modules register here, so the server and the browser see the same dictionary.
import { registerMessages } from "./i18n";
import { adminCatalogMessages } from "./messages/admin-catalog";
import { browseMessages } from "./messages/browse";
import { buyingMessages } from "./messages/buying";
import { catalogMessages } from "./messages/catalog";
import { dropshipMessages } from "./messages/dropship";
import { kycMessages } from "./messages/kyc";
import { kycUiMessages } from "./messages/kyc-ui";
import { onboardingMessages } from "./messages/onboarding";
import { paymentSandboxMessages } from "./messages/payment-sandbox";
import { sellerOrderMessages } from "./messages/seller-orders";
import { sellerProductMessages } from "./messages/seller-products";
import { uploadMessages } from "./messages/uploads";

registerMessages(kycMessages);
registerMessages(catalogMessages);
registerMessages(onboardingMessages);
registerMessages(kycUiMessages);
registerMessages(uploadMessages);
registerMessages(browseMessages);
registerMessages(sellerProductMessages);
registerMessages(adminCatalogMessages);
registerMessages(paymentSandboxMessages);
registerMessages(buyingMessages);
registerMessages(sellerOrderMessages);
registerMessages(dropshipMessages);
