/** Namespaces of `locales/<lang>/`; web and server load the same files. */
export const localeNamespaces = ['common', 'fields', 'errors', 'tours'] as const;
export type LocaleNamespace = (typeof localeNamespaces)[number];
