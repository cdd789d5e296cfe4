-- A booking reference names one booking in finance's ledger, so it belongs to exactly one payment
-- of the registry: a reference given twice is how a payment booked twice shows. Unique across the
-- registry, not per year or source: the ledger's references that restart each year carry the
-- year in them. The payment service names the other payment; this index decides when two
-- bookings of the same reference meet at the same moment.
CREATE UNIQUE INDEX ux_payment_booking_reference ON payment (booking_reference);
