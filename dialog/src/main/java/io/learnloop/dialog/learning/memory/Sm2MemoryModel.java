package io.learnloop.dialog.learning.memory;

import java.util.Arrays;

/**
 * SuperMemo-2 as srs-benchmark implements it, the baseline a scheduler has to beat: quality q =
 * rating + 1; a pass (q > 2) gives intervals of 1, then 6 days, then the last interval times the
 * easiness factor (from 2.5, at least 1.3); a lapse restarts at 1 day. Predicted recall after t
 * days is 0.9^(t / interval).
 */
public final class Sm2MemoryModel implements MemoryModel {

  @Override
  public double[] predict(ReviewHistory history) {
    double[] predictions = new double[history.size()];
    Arrays.fill(predictions, Double.NaN);
    double interval = 0;
    double easiness = 2.5;
    int repetitions = 0;
    for (int i = 0; i < history.size(); i++) {
      if (history.first[i]) {
        interval = 0;
        easiness = 2.5;
        repetitions = 0;
      } else if (history.scored(i)) {
        predictions[i] = Math.pow(0.9, history.elapsedDays[i] / interval);
      }
      if (!history.first[i] && !history.scored(i)) {
        continue;
      }
      int q = history.ratings[i] + 1;
      if (q > 2) {
        interval = repetitions == 0 ? 1 : repetitions == 1 ? 6 : interval * easiness;
        repetitions++;
      } else {
        interval = 1;
        repetitions = 0;
      }
      easiness = Math.max(1.3, easiness + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)));
      interval = Math.max(1, Math.round(interval + 0.01));
    }
    return predictions;
  }
}
