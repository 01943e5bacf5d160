/** A request the image endpoint refuses: `status` and a message that is safe to show the client. */
export class ImageError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'ImageError';
    this.status = status;
  }
}
