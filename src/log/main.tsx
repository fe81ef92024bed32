import { render } from 'preact';
import { t, uiLanguage } from '../shared/i18n';
import { keepStoragePersistent } from '../shared/persistent-storage';
import { LogApp } from './LogApp';

document.documentElement.lang = uiLanguage();
document.title = t('logPageTitle');
render(<LogApp />, document.getElementById('app')!);
void keepStoragePersistent();
