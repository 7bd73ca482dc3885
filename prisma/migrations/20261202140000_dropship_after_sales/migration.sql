-- After-sales of dropship program orders (issue 11): a complaint goes buyer → dropshipper → supplier. When the
-- dropshipper forwards it, it writes a note for the supplier and may answer the buyer; both are kept on the
-- complaint (the supplier reads the note, the buyer the answer). The hop's state is the complaint's status
-- ('forwarded' is the supplier's turn); each hop's deadline is answer_due_at.
ALTER TABLE "complaints" ADD COLUMN "forward_note" TEXT;
ALTER TABLE "complaints" ADD COLUMN "shop_answer" TEXT;
