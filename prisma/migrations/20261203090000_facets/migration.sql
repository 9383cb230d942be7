-- Facets: entries name the industry and buyer roles they are for, and demo material is a kind of its own.

-- AlterEnum
ALTER TYPE "EntryKind" ADD VALUE 'demo';

-- AlterTable
ALTER TABLE "entries" ADD COLUMN "industry" TEXT,
ADD COLUMN "roles" TEXT[] DEFAULT ARRAY[]::TEXT[];
