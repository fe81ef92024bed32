import { t } from '../shared/i18n';
import { BackupRestore } from './BackupRestore';
import { DiscretionWarnings } from './DiscretionWarnings';
import { importsDone } from './import-events';
import { GraphConnection } from './GraphConnection';
import { ImportExport } from './ImportExport';
import { PlaceholdersEditor } from './PlaceholdersEditor';
import { SettingsForm } from './SettingsForm';
import { SurfaceChoice } from './SurfaceChoice';
import { TeamSection } from './TeamSection';
import { TemplatesEditor } from './TemplatesEditor';
import { TriageLearning } from './TriageLearning';

export function OptionsApp() {
  return (
    <main>
      <h1>{t('settingsTitle')}</h1>
      <DiscretionWarnings />
      <SettingsForm key={importsDone.value} />
      <SurfaceChoice />
      <TemplatesEditor />
      <PlaceholdersEditor />
      <TriageLearning />
      <GraphConnection />
      <TeamSection />
      <ImportExport />
      <BackupRestore />
    </main>
  );
}
