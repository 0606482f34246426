package io.learnloop.app.dashboard;

import io.learnloop.dialog.dashboard.TeamDashboards;
import java.util.Optional;

/** The dashboard's pages, or none while the content folder could not be read. */
record Dashboard(Optional<TeamDashboards> pages) {}
