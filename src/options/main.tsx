import { render } from 'preact';
import { t, uiLanguage } from '../shared/i18n';
import { keepStoragePersistent } from '../shared/persistent-storage';
import { SettingsForm } from './SettingsForm';

document.documentElement.lang = uiLanguage();
document.title = t('settingsTitle');
render(<SettingsForm />, document.getElementById('app')!);
void keepStoragePersistent();
