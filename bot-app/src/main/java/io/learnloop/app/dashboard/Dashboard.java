package io.learnloop.app.dashboard;

import io.learnloop.dialog.dashboard.PilotReports;
import io.learnloop.dialog.dashboard.TeamDashboards;
import java.util.Optional;

/** The dashboard's pages and pilot reports, or none while the content folder could not be read. */
record Dashboard(Optional<TeamDashboards> pages, Optional<PilotReports> pilot) {}
