import { render } from 'preact';
import { t, uiLanguage } from '../shared/i18n';
import { keepStoragePersistent } from '../shared/persistent-storage';
import { App } from './App';

document.documentElement.lang = uiLanguage();
document.title = t('extName');
// The same views serve the toolbar popup and the side panel, which its page names in its <body>.
const surface = document.body.dataset['surface'] === 'panel' ? 'panel' : 'popup';
render(<App surface={surface} />, document.getElementById('app')!);
void keepStoragePersistent();
