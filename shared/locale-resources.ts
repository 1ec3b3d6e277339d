/** Namespaces of `locales/<lang>/`; web and server load the same files. */
export const localeNamespaces = ['common', 'fields', 'errors', 'tours', 'consultations', 'programme', 'imports', 'mail'] as const;
export type LocaleNamespace = (typeof localeNamespaces)[number];

/** Namespaces only the server reads (the messages it mails): the web client leaves them out of its bundle. */
export const serverOnlyNamespaces: readonly LocaleNamespace[] = ['mail'];
