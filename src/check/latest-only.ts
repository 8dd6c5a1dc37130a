/**
 * The page asks the worker about one draft at a time and only ever about the newest: typing
 * faster than the lint answers queues nothing (each keystroke replaces the waiting draft), and
 * an answer older than one already shown is dropped. No fixed delay: an idle worker starts at once.
 */
export interface Answer {
  id: number;
}

export class LatestOnly<Question, Reply extends Answer> {
  private nextId = 1;
  /** The question with the worker, handed back with its answer. */
  private inFlight: { id: number; question: Question } | undefined;
  private waiting: Question | undefined;
  private shownId = 0;

  private readonly post: (id: number, question: Question) => void;
  private readonly show: (reply: Reply, question: Question | undefined) => void;

  constructor(post: (id: number, question: Question) => void, show: (reply: Reply, question: Question | undefined) => void) {
    this.post = post;
    this.show = show;
  }

  ask(question: Question): void {
    if (this.inFlight) {
      this.waiting = question;
      return;
    }
    this.send(question);
  }

  answered(reply: Reply): void {
    const asked = this.inFlight?.id === reply.id ? this.inFlight.question : undefined;
    this.inFlight = undefined;
    if (reply.id > this.shownId) {
      this.shownId = reply.id;
      this.show(reply, asked);
    }
    const next = this.waiting;
    this.waiting = undefined;
    if (next !== undefined) this.send(next);
  }

  /** Whether a draft is with the worker or waiting for it. */
  get busy(): boolean {
    return this.inFlight !== undefined || this.waiting !== undefined;
  }

  private send(question: Question): void {
    const id = this.nextId++;
    this.inFlight = { id, question };
    this.post(id, question);
  }
}
