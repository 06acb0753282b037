// Typed scanner errors. A failing driver turns into one of these and is reported as a device status; it never
// escapes to the main process's uncaught-error handler (issue: "a failing driver never takes down main").

export type ScannerErrorCode =
  | 'FRAME_OVERSIZED'
  | 'HID_LIBRARY_MISSING'
  | 'UDEV_MISSING'
  | 'SCANNER_UNAVAILABLE'
  | 'DEVICE_ERROR'
  | 'HID_INTERFACE_NOT_FOUND'
  | 'CLI_USAGE';

export class ScannerError extends Error {
  constructor(
    readonly code: ScannerErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ScannerError';
  }
}

/** A frame grew past `maxLength` before its terminator; the whole frame is dropped, never truncated. */
export class FramingError extends ScannerError {
  constructor(
    readonly length: number,
    readonly maxLength: number,
  ) {
    super('FRAME_OVERSIZED', `scanner frame exceeded ${maxLength} bytes (${length}); dropped`);
    this.name = 'FramingError';
  }
}

/** A driver cannot start: missing system library, no such device, or permissions. */
export class ScannerUnavailableError extends ScannerError {
  constructor(
    code: 'HID_LIBRARY_MISSING' | 'UDEV_MISSING' | 'SCANNER_UNAVAILABLE',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
    this.name = 'ScannerUnavailableError';
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Turns a native-module load failure into the one message a cashier's technician can act on. */
export function explainNativeLoadFailure(error: unknown): ScannerUnavailableError {
  const message = errorMessage(error);
  if (/libusb/i.test(message)) {
    return new ScannerUnavailableError(
      'HID_LIBRARY_MISSING',
      'HID scanners unavailable: the system library libusb-1.0 is missing. Install it: apt-get install -y libusb-1.0-0',
      { cause: error },
    );
  }
  if (/udevadm|libudev/i.test(message)) {
    return new ScannerUnavailableError(
      'UDEV_MISSING',
      'Scanner discovery unavailable: udev (udevadm/libudev) is missing. Install it: apt-get install -y udev',
      { cause: error },
    );
  }
  return new ScannerUnavailableError('SCANNER_UNAVAILABLE', `Scanner driver could not load: ${message}`, { cause: error });
}
