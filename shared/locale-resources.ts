/** Namespaces of `locales/<lang>/`; web and server load the same files. */
export const localeNamespaces = ['common', 'fields', 'errors', 'tours', 'consultations', 'programme', 'imports'] as const;
export type LocaleNamespace = (typeof localeNamespaces)[number];
