/** Why a flame graph control is off, in words the control's tooltip and screen readers give. */
export interface ControlReasons {
  /** The hot-functions (bottom-up) button. */
  mode?: string;
  /** The "My code" button. */
  mine?: string;
  /** The counter view picker. */
  view?: string;
}

/**
 * Which controls a page cannot use, and why: a comparison colours frames by the change of their
 * share, so neither the one-profile table nor the "my code" colouring applies; a profile with a
 * single counter has nothing to pick.
 */
export function disabledControls(state: { comparison: boolean; views: readonly { label: string }[] }): ControlReasons {
  const reasons: ControlReasons = {};
  if (state.comparison) {
    reasons.mode = 'Not available in a comparison: the hot-functions table lists one profile\'s functions. Open either range on its own to see its hot functions.';
    reasons.mine = 'Not available in a comparison: frames are coloured by how their share of the samples changed, not by where their source is.';
  }
  if (state.views.length < 2) {
    const only = state.views[0]?.label;
    reasons.view = only ? `This profile has only one view: ${only}.` : 'This profile has no other view.';
  }
  return reasons;
}
