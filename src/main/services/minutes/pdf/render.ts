import type { MinutesSheet } from '../../../../shared/domain/minutes';
import { pdfDefinition } from './layout';
import { pdfMake } from './pdfmake';

/**
 * The minutes as PDF bytes. The same sheet always gives the same bytes: the creation date is
 * the version's, and pdfkit derives the file id from the metadata.
 */
export async function minutesPdf(sheet: MinutesSheet): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = await pdfMake().createPdf(pdfDefinition(sheet)).getBuffer();
  return new Uint8Array(buffer);
}
