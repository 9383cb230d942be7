-- AlterTable
ALTER TABLE "questions" ADD COLUMN     "audience" TEXT;
