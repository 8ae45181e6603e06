-- WeChat subscribe messages. To address a mini-program user the server needs her openid: kept here
-- only encrypted (AES-256-GCM, the key in WECHAT_OPENID_KEY, bound to its client id), written at
-- each login and read only by the notice sender.
CREATE TABLE wx_openids (
  client_id text PRIMARY KEY,
  openid_enc text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The templates she accepted when she signed up in the mini-program (a JSON array of topics:
-- promoted, session_changed, reminder); each is spent by one delivered message. Null: none.
ALTER TABLE signups ADD COLUMN wx_subscribed jsonb;

-- Why a notice was skipped (no channel, not accepted or already spent, refused by WeChat).
ALTER TABLE notices ADD COLUMN reason text;
