/**
 * A view's switch between its chart and its tables: the user's choice on the dashboard; on a
 * presentation stage, always the chart (the switch is the presenter's, and is not on stage).
 */
export class ViewMode<Mode extends string> {
  #chosen = $state('') as Mode;
  readonly #chart: Mode;
  readonly #onStage: () => boolean;

  constructor(chart: Mode, onStage: () => boolean) {
    this.#chart = chart;
    this.#chosen = chart;
    this.#onStage = onStage;
  }

  /** What the view shows now. */
  get current(): Mode {
    return this.#onStage() ? this.#chart : this.#chosen;
  }

  choose(mode: Mode): void {
    this.#chosen = mode;
  }
}
