/**
 * A json/jsonb column as `pg` returns it: parsed already, or as text when the server or a type parser left
 * it so. One place decides, instead of a guard in every repository.
 */
export function jsonColumn<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}
