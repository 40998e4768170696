import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'tsunagu:public';

// Opts an operation out of the default authentication requirement. Use sparingly.
export const Public = () => SetMetadata(IS_PUBLIC, true);
