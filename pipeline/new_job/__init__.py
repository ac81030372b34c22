"""new_job"""
