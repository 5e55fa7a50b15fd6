-- Practice conversations from the console's playground: stored like any other so a newcomer can claim,
-- reply and resolve them, but never sent anywhere. Their channel ids are 'practice:<n>' and their
-- customers 'practice:<n>', which no Discord snowflake can equal; Discord lookups also skip them by this flag.
ALTER TABLE conversations ADD COLUMN practice INTEGER NOT NULL DEFAULT 0 CHECK (practice IN (0, 1));
