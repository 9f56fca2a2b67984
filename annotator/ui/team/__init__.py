"""Team work: agreement between analysts (Team › Agreement) and adjudication into a gold layer
(Team › Adjudicate)."""
