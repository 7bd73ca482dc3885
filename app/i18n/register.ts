// Feature message modules register here, so the server and the browser see the same dictionary.
import { registerMessages } from "./i18n";
import { catalogMessages } from "./messages/catalog";
import { kycMessages } from "./messages/kyc";

registerMessages(kycMessages);
registerMessages(catalogMessages);
