/**
 * The worker's composition root: the one place where the core's parts and team mode meet.
 *
 *   browser events ──> index.ts ──> app.ts ──> messaging/router ──> messaging/*-handlers ──> services
 *                                     │                                   (compose, delivery, fans,
 *                                     └── team/plugin (the TeamPort)       outreach, graph, transfer,
 *                                                                          settings, storage, policy)
 *
 * The core never imports team/: it asks for team mode through the port it declares (team-port.ts),
 * and this module plugs the team in. Tests import what is here to run the worker as it runs.
 */
import { abandonTab } from './delivery/assisted-delivery';
import { forgetPageHealth } from './compose/page-health';
import { MAINTENANCE_ALARM, runMaintenance, scheduleMaintenance } from './maintenance';
import { discretionContentHandlers, discretionPopupHandlers } from './messaging/discretion-handlers';
import { fanHandlers } from './messaging/fan-handlers';
import { graphHandlers } from './messaging/graph-handlers';
import { logHandlers } from './messaging/log-handlers';
import { outreachContentHandlers, outreachPopupHandlers } from './messaging/outreach-handlers';
import { createRouter } from './messaging/router';
import { settingsHandlers } from './messaging/settings-handlers';
import { targetContentHandlers, targetPopupHandlers } from './messaging/target-handlers';
import { templateHandlers } from './messaging/template-handlers';
import { triageHandlers } from './messaging/triage-handlers';
import { transferHandlers } from './messaging/transfer-handlers';
import { teamHandlers } from './team/handlers';
import { teamPlugin } from './team/plugin';
import { scheduleTeamSync, syncTeams, TEAM_SYNC_ALARM } from './team/sync';

/** Validates and answers one message from a content script or an extension page. */
export const routeMessage = createRouter(
  {
    content: { ...targetContentHandlers, ...outreachContentHandlers, ...discretionContentHandlers },
    popup: {
      ...targetPopupHandlers,
      ...outreachPopupHandlers,
      ...fanHandlers,
      ...logHandlers,
      ...templateHandlers,
      ...transferHandlers,
      ...settingsHandlers,
      ...graphHandlers,
      ...teamHandlers,
      ...triageHandlers,
      ...discretionPopupHandlers,
    },
  },
  teamPlugin,
);

/** A tab closed: its page's health goes, and a delivery it was watching ends "unknown". */
export async function onTabRemoved(tabId: number, now: number): Promise<void> {
  await Promise.all([forgetPageHealth(tabId), abandonTab(teamPlugin, tabId, now)]);
}

/** An alarm rang: maintenance, or the teams' sync. */
export async function onAlarm(name: string, now: number): Promise<void> {
  if (name === MAINTENANCE_ALARM) await runMaintenance(now);
  if (name === TEAM_SYNC_ALARM) await syncTeams(now);
}

/** The browser started, or the extension was installed or updated: the periodic work is scheduled. */
export async function schedulePeriodicWork(): Promise<void> {
  await Promise.all([scheduleMaintenance(), scheduleTeamSync()]);
}
