// The build log settings (`conveyor.logs.*`), declared once.
import { declareSettings, setting } from '../core/settings';

export const LOGS_SETTINGS = declareSettings('conveyor.logs', {
  ansiColors: setting.oneOf(['render', 'strip'] as const, 'render'),
  liveTail: setting.boolean(true),
});
