import { t } from '../shared/i18n';
import { ImportExport, importsDone } from './ImportExport';
import { SettingsForm } from './SettingsForm';
import { TemplatesEditor } from './TemplatesEditor';

export function OptionsApp() {
  return (
    <main>
      <h1>{t('settingsTitle')}</h1>
      <SettingsForm key={importsDone.value} />
      <TemplatesEditor />
      <ImportExport />
    </main>
  );
}
