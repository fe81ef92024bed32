import { render } from 'preact';
import { t, uiLanguage } from '../shared/i18n';
import { SettingsForm } from './SettingsForm';

document.documentElement.lang = uiLanguage();
document.title = t('settingsTitle');
render(<SettingsForm />, document.getElementById('app')!);
