import { conflict, invalid } from '@mkt/shared/kernel';
import type { WitnessEntropy } from './entropy';

/**
 * Rule: each witness named in the commitment enters exactly one non-empty value, after the commitment.
 * Returns the entropy so far and whether it is complete — completion is the moment the draw must reveal.
 */
export function witnessMustBeNamedAndEnterOnce(
  named: readonly string[],
  entered: WitnessEntropy['values'],
  witness: string,
  value: string,
): { readonly entropy: WitnessEntropy; readonly complete: boolean } {
  if (!named.includes(witness)) throw conflict('DRAW.NOT_A_WITNESS', `${witness} is not a witness of this draw`, 'witness');
  if (entered.some((v) => v.witness === witness)) throw conflict('DRAW.WITNESS_ALREADY_ENTERED', `${witness} has already entered a value`, 'witness');
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > 200) throw invalid('DRAW.INVALID_WITNESS_VALUE', 'a witness value is 1 to 200 characters', 'value');
  const values = [...entered, { witness, value: trimmed }];
  return { entropy: { source: 'witnesses', values }, complete: named.every((w) => values.some((v) => v.witness === w)) };
}
