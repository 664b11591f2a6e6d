/**
 * A value worked out once per object and kept while the object lives: rules ask for the same
 * walks of a parsed model many times, and a model never changes once parsed.
 */
export function oncePer<Key extends object, Value>(compute: (key: Key) => Value): (key: Key) => Value {
  const known = new WeakMap<Key, Value>();
  return (key) => {
    if (known.has(key)) return known.get(key) as Value;
    const value = compute(key);
    known.set(key, value);
    return value;
  };
}
