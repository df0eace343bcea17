/**
 * Good or bad, not positive or negative: a cost that falls is good news, a cost that rises is
 * bad news, whatever its sign. Tables colour differences by this judgement and repeat it in text
 * (F favourable, U unfavourable, as in a finance variance report), so colour is never the only cue.
 */

/** Whether a bigger number is better for the variant. */
export type Better = 'higher' | 'lower';
export type Judgement = 'favourable' | 'unfavourable' | 'neutral';

/**
 * The judgement of a difference (variant − baseline) in a figure where `better` says which way is
 * good. Zero, missing and non-finite differences are neutral.
 *
 * @example
 * judge(-13766, 'lower'); // => 'favourable' (cost-to-serve fell)
 * judge(5762, 'lower'); // => 'unfavourable'
 */
export function judge(delta: number | null | undefined, better: Better): Judgement {
  if (delta === null || delta === undefined || !Number.isFinite(delta) || delta === 0)
    return 'neutral';
  return delta > 0 === (better === 'higher') ? 'favourable' : 'unfavourable';
}

/** The letter a variance report writes after a figure: F or U (nothing when neutral). */
export const JUDGEMENT_MARK: Record<Judgement, string> = {
  favourable: 'F',
  unfavourable: 'U',
  neutral: '',
};
