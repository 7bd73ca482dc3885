import { localeOr, type Locale, type Translate, translator } from "~/i18n/i18n";
import type { Tx } from "~/infra/db.server";
import { createNotification } from "~/models/notification.server";
import { localesOfUsers } from "~/models/user.server";

export interface Notice {
  userId: string;
  kind: string;
  link: string;
  /** Title and body in the recipient's language. */
  write: (t: Translate, locale: Locale) => { title: string; body: string };
}

/** In-app notices, each written in its recipient's own language (Indonesian when none is set). */
export async function sendNotices(tx: Tx, notices: Notice[]) {
  const locales = await localesOfUsers(tx, notices.map((n) => n.userId));
  for (const n of notices) {
    const locale = localeOr(locales.get(n.userId));
    await createNotification(tx, { userId: n.userId, kind: n.kind, link: n.link, ...n.write(translator(locale), locale) });
  }
}
