import { render } from 'preact';
import { t, uiLanguage } from '../shared/i18n';
import { keepStoragePersistent } from '../shared/persistent-storage';
import { OptionsApp } from './OptionsApp';

document.documentElement.lang = uiLanguage();
document.title = t('settingsTitle');
render(<OptionsApp />, document.getElementById('app')!);
void keepStoragePersistent();
