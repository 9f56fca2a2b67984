"""The team: whose annotations show, assignments, blind mode, sharing and merging corpus files,
agreement between analysts (Team › Agreement) and adjudication into a gold layer (Team › Adjudicate)."""
