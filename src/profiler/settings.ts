// The Profiler settings (`conveyor.profiler.*`), declared once.
import { declareSettings, setting } from '../core/settings';
import { parseViewSetting, type ViewId } from './model/counters';

export const PROFILER_SETTINGS = declareSettings('conveyor.profiler', {
  counter: setting.custom<ViewId>('cpu', parseViewSetting),
  inlineHeat: setting.boolean(true),
  /** The JDK `jfr` tool; empty: JAVA_HOME/bin, then PATH. */
  jfrPath: setting.string(''),
});
