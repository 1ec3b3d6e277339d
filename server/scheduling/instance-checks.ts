import { Ajv, type ErrorObject } from 'ajv';

/** Checks shared by the engines' instance files: where a problem is, and what it is. */
export const ajv = new Ajv({ allErrors: false, strict: false });

/** A problem with the instance, with the place it is at: `meetings[12].buyer: unknown participant "B99"`. */
export class InstanceError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

function pathOf(instancePath: string): string {
  return instancePath
    .split('/')
    .filter(Boolean)
    .map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join('') || '(instance)';
}

export function shapeError(error: ErrorObject): InstanceError {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') {
    const base = pathOf(error.instancePath);
    return new InstanceError(base === '(instance)' ? String(params.missingProperty) : `${base}.${params.missingProperty}`, 'is missing');
  }
  if (error.keyword === 'const') return new InstanceError(pathOf(error.instancePath), `must be "${params.allowedValue}"`);
  return new InstanceError(pathOf(error.instancePath), error.message ?? 'is not valid');
}

export function indexIds(items: { id: string }[], list: string): Map<string, number> {
  const ids = new Map<string, number>();
  items.forEach((item, index) => {
    if (ids.has(item.id)) throw new InstanceError(`${list}[${index}].id`, `duplicate id "${item.id}" (also ${list}[${ids.get(item.id)}])`);
    ids.set(item.id, index);
  });
  return ids;
}

