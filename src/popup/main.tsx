import { render } from 'preact';
import { t, uiLanguage } from '../shared/i18n';
import { keepStoragePersistent } from '../shared/persistent-storage';
import { App } from './App';

document.documentElement.lang = uiLanguage();
document.title = t('extName');
render(<App />, document.getElementById('app')!);
void keepStoragePersistent();
