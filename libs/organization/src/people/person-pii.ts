import { Injectable } from '@nestjs/common';
import { maskIdNumber, maskPhone, PiiCrypto } from '@linli/platform';
import { PersonEntity } from './person.entity';

export interface ProtectedPhone {
  phoneCipher: string | null;
  phoneIndex: string | null;
  phoneMasked: string | null;
}

export interface ProtectedIdNumber {
  idNumberCipher: string | null;
  idNumberIndex: string | null;
  idNumberMasked: string | null;
}

/**
 * How a person's phone and ID number are stored: encrypted, with a keyed hash for exact lookup and
 * a masked copy for display. Values come in normalized (see person-fields.ts).
 */
@Injectable()
export class PersonPii {
  constructor(private readonly crypto: PiiCrypto) {}

  phoneIndex(phone: string): string {
    return this.crypto.blindIndex('phone', phone);
  }

  idNumberIndex(idNumber: string): string {
    return this.crypto.blindIndex('id-number', idNumber);
  }

  protectPhone(phone: string | null): ProtectedPhone {
    if (phone === null) return { phoneCipher: null, phoneIndex: null, phoneMasked: null };
    return {
      phoneCipher: this.crypto.encrypt(phone),
      phoneIndex: this.phoneIndex(phone),
      phoneMasked: maskPhone(phone),
    };
  }

  protectIdNumber(idNumber: string | null): ProtectedIdNumber {
    if (idNumber === null) return { idNumberCipher: null, idNumberIndex: null, idNumberMasked: null };
    return {
      idNumberCipher: this.crypto.encrypt(idNumber),
      idNumberIndex: this.idNumberIndex(idNumber),
      idNumberMasked: maskIdNumber(idNumber),
    };
  }

  /** The clear values (for the audited reveal only). */
  reveal(person: PersonEntity): { phone: string | null; idNumber: string | null } {
    return {
      phone: person.phoneCipher === null ? null : this.crypto.decrypt(person.phoneCipher),
      idNumber: person.idNumberCipher === null ? null : this.crypto.decrypt(person.idNumberCipher),
    };
  }
}
